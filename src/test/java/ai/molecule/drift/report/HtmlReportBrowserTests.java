package ai.molecule.drift.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import ai.molecule.drift.model.RunHistory;
import ai.molecule.drift.model.RunReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report laid out by a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) at a laptop's 1366x900 and a phone's 390x844, for a pass, a fail and an error run.
 * Each page must not scroll sideways, must show the verdict (and the first failure or the reason) without
 * scrolling, must have no text under 11 px and no console error. Screenshots of the first screen and the
 * whole page go to {@code target/browser-reports/}. The Markdown report is rendered as a forge renders an
 * issue and must fit a phone too. Skipped when Chromium is missing, unless {@code CI=true}.
 */
class HtmlReportBrowserTests {

	private static final Path OUT = Path.of("target", "browser-reports");

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String DRIVER = "/usr/bin/chromedriver";

	/**
	 * An issue as a forge shows it, near enough: a 16 px side margin on a phone, GitHub's table style
	 * (cells padded 6 by 13 px, a table wider than the text scrolls inside itself).
	 */
	private static final String ISSUE_PAGE = """
			<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1"><title>issue</title><style>
			body { margin: 0; font: 14px/1.5 system-ui, sans-serif; color: #1f2328; }
			article { max-width: 880px; margin: 0 auto; padding: 16px; }
			table { display: block; width: max-content; max-width: 100%; overflow: auto; border-collapse: collapse; }
			th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
			code { font-size: 85%; background: #eff1f3; padding: 0.2em 0.4em; border-radius: 6px; }
			sub { font-size: 11px; }
			h2 { border-bottom: 1px solid #d1d9e0; }
			</style></head><body><article>BODY</article></body></html>
			""";

	// Held, so that its level stays set: Selenium warns on every start that it has no CDP bindings for this
	// Chromium version, which the test does not need (its CDP commands go through the driver).
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	private static ChromeDriver browser;

	private final ReportRenderer renderer = ReportTemplates.renderer();

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
		if (!present && "true".equals(System.getenv("CI"))) {
			fail("CI=true but " + CHROMIUM + " or " + DRIVER + " is missing: install chromium and chromium-driver");
		}
		assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
		Files.createDirectories(OUT);
		SELENIUM_LOG.setLevel(Level.SEVERE);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-extensions", "--no-first-run", "--allow-file-access-from-files");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		// The driver executable is given, so Selenium never looks one up on the network.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void failRunShowsItsFirstFailureInTheFirstScreen() throws IOException {
		RunReport run = BrowserFixtures.failRun();
		for (Screen screen : Screen.values()) {
			open("fail", run, BrowserFixtures.history(run), screen);
			assertLaidOut("fail", screen);
			assertThat(bottom("#failures .item-head")).as("first failure at %s", screen).isLessThanOrEqualTo(screen.height);
			assertThat(text("#failures .item .repo-name")).isIn("openhands", "smolagents");
		}
	}

	@Test
	void passRun() throws IOException {
		RunReport run = BrowserFixtures.passRun();
		for (Screen screen : Screen.values()) {
			open("pass", run, BrowserFixtures.history(run), screen);
			assertLaidOut("pass", screen);
		}
	}

	@Test
	void errorRunShowsItsReasonInTheFirstScreen() throws IOException {
		RunReport run = BrowserFixtures.errorRun();
		for (Screen screen : Screen.values()) {
			open("error", run, RunHistory.none(), screen);
			assertLaidOut("error", screen);
			assertThat(bottom("#reasons li")).as("reason at %s", screen).isLessThanOrEqualTo(screen.height);
		}
	}

	@Test
	void markdownReportFitsAnIssueOnAPhone() throws IOException {
		RunReport run = BrowserFixtures.failRun();
		String markdown = renderer.render(ReportFormat.MARKDOWN, run, BrowserFixtures.history(run));
		Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
		String body = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build()
			.render(parser.parse(markdown));
		Path page = OUT.resolve("markdown.html");
		Files.writeString(page, ISSUE_PAGE.replace("BODY", body));
		for (Screen screen : Screen.values()) {
			emulate(screen);
			browser.get(page.toAbsolutePath().toUri().toString());
			screenshots("markdown-" + screen.label);
			String where = "the Markdown at " + screen;
			assertThat(overflow("document.documentElement")).as("page overflow of %s", where).isLessThanOrEqualTo(0);
			// The action table fits the issue's width: nothing to scroll sideways on a phone.
			assertThat(overflow("document.querySelector('table')")).as("action table overflow of %s", where)
				.isLessThanOrEqualTo(0);
			assertThat(bottom("table tbody tr")).as("first failure of %s", where).isLessThanOrEqualTo(screen.height);
			browser.executeScript("document.querySelector('details').open = true;");
			screenshots("markdown-" + screen.label + "-open");
		}
	}

	private void open(String name, RunReport run, RunHistory history, Screen screen) throws IOException {
		Path page = OUT.resolve(name + ".html");
		Files.writeString(page, renderer.render(ReportFormat.HTML, run, history));
		emulate(screen);
		browser.get(page.toAbsolutePath().toUri().toString());
	}

	private void emulate(Screen screen) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width, "height",
				screen.height, "deviceScaleFactor", screen.scale, "mobile", screen.mobile));
	}

	private long overflow(String element) {
		return ((Number) browser.executeScript("const e = " + element + "; return e.scrollWidth - e.clientWidth;"))
			.longValue();
	}

	private void assertLaidOut(String name, Screen screen) throws IOException {
		String where = name + " at " + screen;
		screenshots(name + "-" + screen.label);
		assertThat(overflow("document.documentElement")).as("horizontal overflow of %s", where).isLessThanOrEqualTo(0);
		assertThat(bottom("#verdict .verdict-label")).as("verdict of %s", where).isLessThanOrEqualTo(screen.height);
		assertThat(smallText()).as("text under 11 px in %s", where).isEmpty();
		List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
		assertThat(console).as("console of %s", where).filteredOn(e -> e.getLevel().intValue() >= 900).isEmpty();
	}

	private double bottom(String selector) {
		Object bottom = browser.executeScript(
				"const e = document.querySelector(arguments[0]); return e ? e.getBoundingClientRect().bottom : null;",
				selector);
		assertThat(bottom).as(selector).isNotNull();
		return ((Number) bottom).doubleValue();
	}

	private String text(String selector) {
		return (String) browser.executeScript("return document.querySelector(arguments[0]).textContent.trim();",
				selector);
	}

	/** Every visible text, with its size as drawn (an SVG's text scaled with its viewBox). */
	@SuppressWarnings("unchecked")
	private List<String> smallText() {
		return (List<String>) browser.executeScript("""
				const small = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				while (walker.nextNode()) {
				  const node = walker.currentNode;
				  const el = node.parentElement;
				  if (!node.textContent.trim() || el.closest('title, style')) continue;
				  const box = el.getBoundingClientRect();
				  if (box.width === 0 && box.height === 0) continue;
				  let size = parseFloat(getComputedStyle(el).fontSize);
				  if (el instanceof SVGElement && el.getScreenCTM()) size *= el.getScreenCTM().a;
				  if (size < 11) small.push(el.tagName + ' ' + size.toFixed(1) + 'px: ' + node.textContent.trim().slice(0, 40));
				}
				return small;""");
	}

	/** The first screen as a reader sees it, and the whole page. */
	@SuppressWarnings("unchecked")
	private void screenshots(String name) throws IOException {
		Map<String, Object> first = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
		Files.write(OUT.resolve(name + ".png"), Base64.getDecoder().decode((String) first.get("data")));
		Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		Map<String, Object> whole = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
				"captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height",
						size.get("height"), "scale", 1)));
		Files.write(OUT.resolve(name + "-full.png"), Base64.getDecoder().decode((String) whole.get("data")));
		for (WebElement trend : browser.findElements(By.id("trend"))) {
			Files.write(OUT.resolve(name + "-trend.png"), trend.getScreenshotAs(OutputType.BYTES));
		}
	}

	private enum Screen {

		DESKTOP("desktop", 1366, 900, 1, false), PHONE("phone", 390, 844, 2, true);

		final String label;

		final int width;

		final int height;

		final int scale;

		final boolean mobile;

		Screen(String label, int width, int height, int scale, boolean mobile) {
			this.label = label;
			this.width = width;
			this.height = height;
			this.scale = scale;
			this.mobile = mobile;
		}

		@Override
		public String toString() {
			return label + " " + width + "x" + height;
		}
	}
}
