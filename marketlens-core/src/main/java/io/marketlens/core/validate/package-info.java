/** Input validation: the one exception type for user mistakes, and small guard helpers. */
package io.marketlens.core.validate;
