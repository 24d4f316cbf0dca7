<#ftl encoding="UTF-8">
<#--
  Markdown building blocks for drift-report.md.ftl. Everything that comes from a repository (names,
  pins, messages) goes through `md`, the MarkdownEscaper the renderer puts into the data model: the
  escaping itself lives in Java, so a template overriding this library cannot forget a case.
-->

<#-- Plain text, inert: no emphasis, links, images, HTML, @mentions or #references. Safe in table cells. -->
<#function text s>
	<#return md.text(s)>
</#function>

<#-- Shown literally in an inline code span. Not for table cells: use cellCode there. -->
<#function code s>
	<#return md.code(s)>
</#function>

<#-- A code span inside a table cell (the pipe is escaped). -->
<#function cellCode s>
	<#return md.cellCode(s)>
</#function>

<#-- A repository's pin as a code span, or a dash without one. -->
<#function pin repo>
	<#if repo.pin??>
		<#return md.cellCode(repo.pin)>
	</#if>
	<#return "—">
</#function>

<#-- "16 releases / 41 days behind (patch)", "in sync", "ahead" or a dash. -->
<#function lag repo>
	<#if repo.lag.state == "behind">
		<#return repo.lag.label + " (" + repo.lag.level + ")">
	</#if>
	<#return repo.lag.label>
</#function>

<#-- One finding on one line; errors in bold so they stand out from warnings. -->
<#function finding f>
	<#local severity = (f.severity == "error")?then("**error**", "warning")>
	<#return severity + " " + f.code + ": " + md.text(f.message)>
</#function>

<#-- A repository's classification, with its archived state spelled out. -->
<#function classification repo>
	<#if repo.archived>
		<#return repo.classification + ", archived (never fails the run)">
	</#if>
	<#return repo.classification>
</#function>


<#-- One kind of change since the previous run: "none", or one line per repository. -->
<#macro changes title list>
<#if list?has_content>
- **${title}:**
<#list list as c>
  - ${code(c.name)}: ${text(c.detail)}
</#list>
<#else>
- **${title}:** none
</#if>
</#macro>
