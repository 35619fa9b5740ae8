/**
 * Customer lifetime value: the BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005) with
 * the Gamma-Gamma model of spend per transaction (Fader and Hardie 2013), fitted by maximum
 * likelihood on a calibration period and checked on a holdout period.
 */
package io.marketlens.customers.clv;
