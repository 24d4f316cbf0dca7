package ai.molecule.drift.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the Markdown escaping of everything a repository controls. */
class MarkdownEscaperTests {

	private static final String WJ = "\u2060";

	private final MarkdownEscaper md = new MarkdownEscaper();

	@Test
	void codeSpanFenceIsLongerThanAnyBacktickRunInside() {
		assertThat(md.code("0.3.11")).isEqualTo("`0.3.11`");
		assertThat(md.code("0.3.`1`2")).isEqualTo("``0.3.`1`2``");
		assertThat(md.code("a`b")).isEqualTo("``a`b``");
		assertThat(md.code("a``b```c")).isEqualTo("````a``b```c````");
	}

	@Test
	void codeSpanIsPaddedWhenTheContentStartsOrEndsWithABacktick() {
		assertThat(md.code("`0.3.11`")).isEqualTo("`` `0.3.11` ``");
		assertThat(md.code("``x")).isEqualTo("``` ``x ```");
		assertThat(md.code("x`")).isEqualTo("`` x` ``");
	}

	@Test
	void codeSpanOfNothingIsEmpty() {
		assertThat(md.code(null)).isEmpty();
		assertThat(md.code(" \n\t")).isEmpty();
	}

	@Test
	void codeSpanInATableCellEscapesPipes() {
		assertThat(md.cellCode("a|b")).isEqualTo("`a\\|b`");
		assertThat(md.cellCode("`|`")).isEqualTo("`` `\\|` ``");
		assertThat(md.code("a|b")).isEqualTo("`a|b`");
	}

	@Test
	void newlinesBecomeSpacesAndControlAndFormatCharactersGo() {
		assertThat(md.code("0.3.11\r\nrm -rf /")).isEqualTo("`0.3.11 rm -rf /`");
		assertThat(md.code("a\u0000b\u0007c\u001Bd\u007Fe")).isEqualTo("`abcde`");
		assertThat(md.code("\u202Eevil\u200B")).isEqualTo("`evil`");
		assertThat(md.text("line one\nline two\u2028three")).isEqualTo("line one line two three");
	}

	@Test
	void mentionsAndIssueReferencesDoNotPing() {
		assertThat(md.text("@admin and @org/team")).isEqualTo("@" + WJ + "admin and @" + WJ + "org/team");
		assertThat(md.text("see #12 and owner/repo#3")).isEqualTo("see #" + WJ + "12 and owner/repo#" + WJ + "3");
	}

	@Test
	void htmlAndCommentsDoNotRender() {
		assertThat(md.text("<!-- consumer-drift:report -->")).isEqualTo("\\<\\!-- consumer-drift:report --\\>");
		assertThat(md.text("end --> here")).isEqualTo("end --\\> here");
		assertThat(md.text("<img src=x onerror=alert(1)>")).isEqualTo("\\<img src=x onerror=alert(1)\\>");
		assertThat(md.text("&lt;b&gt; &#64;admin")).isEqualTo("\\&lt;b\\&gt; \\&#" + WJ + "64;admin");
	}

	@Test
	void linksAndImagesDoNotRender() {
		assertThat(md.text("[docs](https://evil.example)")).isEqualTo("\\[docs\\](https:" + WJ + "//evil.example)");
		assertThat(md.text("![x](https://evil.example/p.png)"))
			.isEqualTo("\\!\\[x\\](https:" + WJ + "//evil.example/p.png)");
		assertThat(md.text("[ref]: https://evil.example")).isEqualTo("\\[ref\\]: https:" + WJ + "//evil.example");
	}

	@Test
	void bareUrlsAndAddressesDoNotAutolink() {
		assertThat(md.text("see http://evil.example/x")).isEqualTo("see http:" + WJ + "//evil.example/x");
		assertThat(md.text("HTTPS://evil.example")).isEqualTo("HTTPS:" + WJ + "//evil.example");
		assertThat(md.text("ftp://evil.example")).isEqualTo("ftp:" + WJ + "//evil.example");
		assertThat(md.text("www.evil.example")).isEqualTo("www" + WJ + ".evil.example");
		assertThat(md.text("go to WWW.evil.example")).isEqualTo("go to WWW" + WJ + ".evil.example");
		assertThat(md.text("mail admin@evil.example")).isEqualTo("mail admin@" + WJ + "evil.example");
		assertThat(md.text("mailto:x@evil.example")).isEqualTo("mailto:x@" + WJ + "evil.example");
		// Code spans never autolink: they stay as they are.
		assertThat(md.code("http://evil.example")).isEqualTo("`http://evil.example`");
	}

	@Test
	void codeSpansNeverSpellAnHtmlCommentOpener() {
		assertThat(md.code("<!-- consumer-drift:report org=x -->"))
			.isEqualTo("`<" + WJ + "!-- consumer-drift:report org=x -->`")
			.doesNotContain("<!--");
		assertThat(md.cellCode("a<!--b<!--")).isEqualTo("`a<" + WJ + "!--b<" + WJ + "!--`");
	}

	@Test
	void emphasisCodeStrikethroughPipesAndBackslashesAreLiteral() {
		assertThat(md.text("*a* _b_ ~~c~~ `d` e|f C:\\g"))
			.isEqualTo("\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` e\\|f C:\\\\g");
	}

	@Test
	void blockMarkersAtTheStartDoNotStartABlock() {
		assertThat(md.text("- nested")).isEqualTo("\\- nested");
		assertThat(md.text("+ nested")).isEqualTo("\\+ nested");
		assertThat(md.text("12. ordered")).isEqualTo("12\\. ordered");
		assertThat(md.text("3) ordered")).isEqualTo("3\\) ordered");
		assertThat(md.text("# heading")).isEqualTo("#" + WJ + " heading");
		assertThat(md.text("> quote")).isEqualTo("\\> quote");
		assertThat(md.text("a - b 1. c")).isEqualTo("a - b 1. c");
	}

	@Test
	void plainTextStaysReadable() {
		assertThat(md.text("pinned 0.3.11, 16 releases behind 0.3.27")).isEqualTo("pinned 0.3.11, 16 releases behind 0.3.27");
		assertThat(md.text(null)).isEmpty();
	}
}
