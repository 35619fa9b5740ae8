package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.voc.aspect.AspectResult;
import io.marketlens.voc.aspect.GroupSentiment;
import io.marketlens.voc.sentiment.SentimentResult;
import io.marketlens.voc.theme.Theme;
import io.marketlens.voc.theme.ThemeIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Review sentiment per customer segment ({@code voc.segments}): reviews join customers through the
 * reviews section's {@code customer} column and the segments the customers step made. Without a
 * join the node says why, in a note.
 */
final class ReviewSegments {

  private ReviewSegments() {}

  /**
   * The segment of each review (null when its customer is missing or in no segment).
   *
   * @param customer the reviews' customer id column
   */
  static List<Integer> segmentOfReview(Column customer, Findings.CustomerSegments segments) {
    List<Integer> out = new ArrayList<>(customer.size());
    for (int i = 0; i < customer.size(); i++) {
      String id = customer.isMissing(i) ? null : customer.getString(i).strip();
      out.add(id == null ? null : segments.segmentOf().get(id));
    }
    return out;
  }

  static ObjectNode node(
      DataSection section,
      Table reviews,
      Findings.CustomerSegments segments,
      SentimentResult sentiment,
      AspectResult aspects,
      List<Theme> themes,
      ThemeIds ids) {
    ObjectNode n = ResultsJson.MAPPER.createObjectNode();
    n.put("joined", false);
    Optional<String> column = section.column("customer");
    if (column.isEmpty()) {
      return note(
          n,
          "not computed: the reviews section names no customer column (data.reviews.customer), so"
              + " reviews cannot be joined to customer segments");
    }
    n.put("customerColumn", column.get());
    if (segments == null) {
      return note(
          n,
          "not computed: reviews name customers, but no customer segments were made (they need a"
              + " customers or transactions section with at least "
              + Segments.MIN_SEGMENT_ROWS
              + " customers)");
    }
    n.put("source", segments.source());
    List<Integer> groups = segmentOfReview(reviews.column(column.get()), segments);
    int matched = (int) groups.stream().filter(g -> g != null).count();
    n.put("reviewsMatched", matched);
    n.put("reviewsUnmatched", groups.size() - matched);
    if (matched == 0) {
      return note(
          n,
          "not computed: none of the "
              + groups.size()
              + " reviews' customer ids ("
              + column.get()
              + ") matches a segmented customer");
    }
    n.put("joined", true);
    ArrayNode out = n.putArray("segments");
    for (GroupSentiment g :
        GroupSentiment.of(groups, sentiment.trained() ? sentiment : null, aspects)) {
      ObjectNode s = out.addObject();
      s.put("id", g.group());
      s.put("label", segments.labels().getOrDefault(g.group(), ""));
      s.put("reviews", g.reviews());
      if (g.scored() > 0) {
        s.put("sentiment", g.meanPositive());
        s.put("sharePositive", g.sharePositive());
      }
      if (g.topTheme() >= 0) {
        ObjectNode t = theme(s.putObject("topTheme"), g.topTheme(), themes, ids);
        t.put("reviews", g.topThemeReviews());
        t.put("share", g.topThemeShare());
        t.put("lift", g.topThemeLift());
      }
      if (g.topComplaint() >= 0) {
        theme(s.putObject("topComplaint"), g.topComplaint(), themes, ids)
            .put("reviews", g.topComplaintReviews());
      }
    }
    return n;
  }

  private static ObjectNode theme(ObjectNode n, int index, List<Theme> themes, ThemeIds ids) {
    n.put("id", ids.id(index));
    n.put("label", themes.get(index).label());
    return n;
  }

  private static ObjectNode note(ObjectNode n, String note) {
    n.put("note", note);
    return n;
  }
}
