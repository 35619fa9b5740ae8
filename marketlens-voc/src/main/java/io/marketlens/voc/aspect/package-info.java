/**
 * Aspect sentiment: {@link io.marketlens.voc.aspect.AspectAnalysis} splits reviews into sentences,
 * assigns each to the nearest theme of its language and scores it with that language's sentiment
 * head, so one review can praise one theme and criticise another; {@link
 * io.marketlens.voc.aspect.GroupSentiment} sums reviews up per group, such as customer segments.
 */
package io.marketlens.voc.aspect;
