/** Recommendations from user-item interactions, with real-time fold-in. */
package io.marketlens.recsys;
