package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the demo report from disk in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromedriver}, installed by {@code .ci/run}): no console errors, every section present, every
 * chart drawn, and a screenshot in {@code target/browser/} as a test artifact.
 *
 * <p>Without Chromium the test is skipped, unless {@code MARKETLENS_REQUIRE_BROWSER=1} (set by CI),
 * when its absence is a failure.
 */
class DemoReportBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path tmp;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) driver.quit();
  }

  @Test
  void demoReport_inChromium_rendersEverySectionAndChartWithoutConsoleErrors() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("MARKETLENS_REQUIRE_BROWSER"))) {
      throw new AssertionError(
          "chromium and chromium-driver are required: apt-get install -y chromium chromium-driver");
    }
    assumeTrue(present, "chromium and chromium-driver are not installed");
    Path out = tmp.resolve("demo");
    assertThat(CliRun.of("demo", "--out", out.toString()).exitCode()).isZero();
    Path report = out.resolve("report/index.html");
    assertThat(Files.size(report)).isLessThan(5_000_000);

    driver = startChromium();
    driver.get(report.toUri().toString());

    assertThat(driver.getTitle()).contains("Demo Co");
    for (String id :
        List.of(
            "positioning",
            "overview",
            "quality",
            "personas",
            "purchases",
            "churn",
            "voc",
            "market",
            "competitors",
            "recsys",
            "privacy",
            "missing-evidence")) {
      assertThat(driver.findElements(org.openqa.selenium.By.id(id)))
          .as("section #" + id)
          .hasSize(1);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts =
        (List<Map<String, Object>>)
            driver.executeScript(
                "return Array.from(document.querySelectorAll('svg.chart')).map(s => {"
                    + " const b = s.getBBox(); return {label: s.getAttribute('aria-label'),"
                    + " marks: s.querySelectorAll('path,circle,rect').length, w: b.width, h: b.height}; });");
    assertThat(charts).hasSizeGreaterThanOrEqualTo(8);
    for (Map<String, Object> c : charts) {
      assertThat(((Number) c.get("marks")).intValue())
          .as("marks in %s", c.get("label"))
          .isPositive();
      assertThat(((Number) c.get("w")).doubleValue())
          .as("width of %s", c.get("label"))
          .isGreaterThan(10);
      assertThat(((Number) c.get("h")).doubleValue())
          .as("height of %s", c.get("label"))
          .isGreaterThan(10);
    }
    Object han = driver.executeScript("return document.body.innerText.includes('酒店');");
    assertThat(han).isEqualTo(Boolean.TRUE);

    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();

    Path shots = Files.createDirectories(Path.of("target", "browser"));
    Files.write(shots.resolve("demo-report.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertThat(((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES))
        .hasSizeGreaterThan(10_000);
  }

  private ChromeDriver startChromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2000",
        "--user-data-dir=" + tmp.resolve("chromium-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
