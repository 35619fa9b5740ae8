/** The HTTP server over the trained models. No analysis logic of its own. */
package io.marketlens.server;
