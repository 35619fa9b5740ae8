package io.marketlens.market.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.embed.Embedder;
import io.marketlens.ml.embed.EmbedderOptions;
import io.marketlens.ml.embed.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recomputes the default same-claim thresholds of {@link ClaimsOptions} by their stated rule, on
 * the hand-written paraphrase pairs below: the midpoint between the median cosine of a paraphrase
 * pair and the median of each claim's highest cosine to the other pairs' second claims.
 */
class ClaimsCalibrationTest {

  /** Each row: a claim and a paraphrase of it; rows are unrelated to one another. */
  static final String[][] ENGLISH = {
    {"Fast delivery in 24 hours", "Next-day shipping"},
    {"Lifetime warranty", "Guaranteed for life"},
    {"Free returns within 30 days", "Send it back for free within a month"},
    {"Battery lasts all day", "All-day battery life"},
    {"Made from recycled materials", "Built with sustainable, recycled components"},
    {"24/7 customer support", "Our support team is available around the clock"},
    {"Lightweight and easy to carry", "Ultra-portable design that weighs almost nothing"},
    {"Waterproof up to 50 meters", "Water resistant to 50m"},
    {"No subscription required", "No monthly fees"},
    {"Installs in minutes", "Quick and easy setup"},
    {"Best price guaranteed", "We match any lower price"},
    {"Trusted by over 10,000 customers", "More than ten thousand happy customers"},
    {"Charges fully in 30 minutes", "Fast charging from 0 to 100% in half an hour"},
    {"Quiet operation", "Runs almost silently"},
    {"Works with Alexa and Google Home", "Compatible with popular smart assistants"},
    {"Free shipping on every order", "Shipping is always free"},
    {"Award-winning design", "Our design has won international prizes"},
    {"Doctor recommended", "Recommended by physicians"},
  };

  static final String[][] CHINESE = {
    {"24小时极速发货", "次日送达"},
    {"终身保修", "一辈子免费维修"},
    {"30天无理由退货", "一个月内不满意可退"},
    {"电池续航一整天", "一次充电用一天"},
    {"采用环保再生材料", "使用可回收的环保材料制造"},
    {"全天候客服支持", "客服全天在线"},
    {"轻巧便携", "重量很轻，方便携带"},
    {"50米防水", "防水深度达50米"},
    {"无需订阅", "没有月费"},
    {"几分钟即可安装完成", "安装简单快捷"},
    {"全网最低价", "保证价格最便宜"},
    {"超过一万名用户信赖", "一万多位满意的顾客"},
    {"30分钟充满电", "半小时快速充满"},
    {"运行安静", "几乎没有噪音"},
    {"支持小爱同学和天猫精灵", "兼容主流智能音箱"},
    {"全场包邮", "所有订单免运费"},
    {"屡获设计大奖", "设计获得多项国际奖项"},
    {"医生推荐", "受到医生的推荐"},
  };

  @ParameterizedTest
  @EnumSource(Language.class)
  void defaultThreshold_recomputedByTheStatedRule_matches(Language language) {
    String[][] pairs = language == Language.EN ? ENGLISH : CHINESE;
    List<String> texts = new ArrayList<>();
    for (String[] p : pairs) texts.addAll(List.of(p));
    List<float[]> v;
    try (Embedder embedder = Embedder.open(EmbedderOptions.defaults())) {
      assertThat(texts).allMatch(t -> embedder.languageOf(t) == language);
      v = embedder.embedAll(texts, Progress.NONE);
    }
    int n = pairs.length;
    double[] paraphrase = new double[n];
    double[] unrelatedMax = new double[n];
    for (int i = 0; i < n; i++) {
      paraphrase[i] = Embedder.cosine(v.get(2 * i), v.get(2 * i + 1));
      unrelatedMax[i] = -1;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          unrelatedMax[i] =
              Math.max(unrelatedMax[i], Embedder.cosine(v.get(2 * i), v.get(2 * j + 1)));
        }
      }
    }

    double rule = (median(paraphrase) + median(unrelatedMax)) / 2;

    double threshold = ClaimsOptions.defaults().threshold(language.name().toLowerCase(Locale.ROOT));
    assertThat(rule).isCloseTo(threshold, within(0.02));
    long found = Arrays.stream(paraphrase).filter(c -> c >= threshold).count();
    assertThat(found).as("paraphrases found").isGreaterThanOrEqualTo(2 * n / 3);
  }

  /** The upper median, as in the calibration. */
  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
