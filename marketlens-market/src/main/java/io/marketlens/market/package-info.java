/** Market and competitors: forecasts with intervals, positioning map, white space, claims. */
package io.marketlens.market;
