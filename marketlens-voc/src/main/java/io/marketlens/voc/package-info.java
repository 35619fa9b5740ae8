/** Voice of the customer: sentiment, themes and aspect sentiment in English and Chinese. */
package io.marketlens.voc;
