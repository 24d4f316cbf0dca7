<#ftl encoding="UTF-8">
<#--
  Markdown building blocks and sections for drift-report.md.ftl and drift-issue.md.ftl. Everything that comes from a repository (names,
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
  - ${text(run.display(c.name))}: ${text(c.detail)}
</#list>
<#else>
- **${title}:** none
</#if>
</#macro>

<#-- A repository's name without the shared prefix, as inert text: short names do not break over lines. -->
<#function name repo>
	<#return md.text(repo.displayName)>
</#function>

<#--
  The sections both Markdown reports share, in the order a reader asks: headline (verdict, reasons, SSOT,
  counts), what needs action, then the full table folded away. A new section is one more macro here.
-->

<#macro headline baseUrl=true>
**${run.verdict}** · exit code ${run.exitCode?c}<#if run.forge??> · ${code(run.forge.org!"")} on ${text(run.forge.type!"")}<#if baseUrl> ${code(run.forge.baseUrl!"")}</#if></#if>

<#if run.reasons?has_content>
<#list run.reasons as reason>
- ${text(reason)}
</#list>
<#elseif run.status == "pass">
No error finding: the SSOT is resolved and every repository was read.
</#if>

<#if run.ssot.resolved>
**SSOT:** ${code(run.ssot.version)}<#if run.ssot.tag??> · tag ${code(run.ssot.tag)}</#if><#if run.ssot.source??> · ${run.ssot.source}</#if><#if run.ssot.publishedDate??> · published ${run.ssot.publishedDate}</#if>
<#elseif run.ssot.problemInReasons>
**SSOT:** not resolved (the reason is above)
<#else>
**SSOT:** not resolved: ${text(run.ssot.problem)}
</#if>

<#if run.listed>
**Repositories:** <#list run.counts as c>${c.count?c} ${c.classification}<#if c.archived gt 0> (${c.failing?c} <#if c.failing == 1>fails<#else>fail</#if>, ${c.archived?c} archived)</#if><#sep> · </#list> · <#if run.behindMeasured>${run.behind?c} behind the SSOT<#else>behind the SSOT: not measured</#if>
<#else>
**Repositories:** not measured, the run ended before any repository was scanned
</#if>
<#if run.prefix??>

Names are shown without ${code(run.prefix)}.
</#if>
</#macro>

<#-- One row of the action table: name, lag, and what the lag does not say. -->
<#-- The classification is left out when a finding of the same name says it. -->
<#macro actionRow repo>
<#local said = repo.findingsBeyondLag()?filter(f -> f.code == repo.classification)?has_content>
<#local parts = said?then([], [classification(repo)]) + repo.pin???then(["pin " + pin(repo)], repo.unreadable?then([], ["no pin"]))>
| <#if repo.failsRun || repo.unreadable>**${name(repo)}**<#else>${name(repo)}</#if> | ${shortLag(repo)} | ${parts?join(", ")}<#list repo.findingsBeyondLag() as f><#if parts?has_content || f?index gt 0><br></#if>${finding(f)}</#list> |
</#macro>

<#-- "7 releases", "in sync", "ahead" or a dash: the days and level are in the full table. -->
<#function shortLag repo>
	<#if repo.lag.state == "behind">
		<#return repo.lag.releases?c + (repo.lag.releases == 1)?then(" release", " releases")>
	</#if>
	<#return repo.lag.label>
</#function>

<#-- What needs action: failures (up to failureLimit), then the worst laggards (up to laggardLimit). -->
<#macro needsAction failureLimit laggardLimit leftOut="">
### Needs action

<#if run.attention?has_content || run.laggards?has_content>
| repo | lag | why |
| --- | --- | --- |
<#list run.attention as repo><#if repo?index gte failureLimit><#break></#if><@actionRow repo/></#list>
<#list run.laggards as repo><#if repo?index gte laggardLimit><#break></#if><@actionRow repo/></#list>
<#if (run.attention?size > failureLimit)>

- … and ${(run.attention?size - failureLimit)?c} more, left out to fit the issue${leftOut}
</#if>
<#if (run.laggards?size > laggardLimit)>

${(run.laggards?size - laggardLimit)?c} more with findings in the full table.
</#if>
<#elseif !run.listed>
Not measured: no repository was scanned.
<#elseif run.status == "error">
No repository that was read fails the policy or has a finding; the run is an error for the reasons above.
<#else>
Nothing: no repository fails the run or has a finding.
</#if>
</#macro>

<#-- Every repository, most urgent first, folded so that the issue stays short; nothing when none was listed. -->
<#macro fullTable rowLimit leftOut="">
<#if !run.listed><#return></#if>
### All repositories

<#if run.repos?has_content>
<details><summary>${run.repos?size?c} <#if run.repos?size == 1>repository<#else>repositories</#if>, failures and findings first</summary>

| repo | classification | pin | lag | findings |
| --- | --- | --- | --- | --- |
<#list run.repos as repo>
<#if repo?index gte rowLimit><#break></#if>
| ${name(repo)} | ${classification(repo)} | ${pin(repo)} | ${lag(repo)} | <#list repo.findings as f><#if f.saidByLag()>${f.severity} ${f.code}<#else>${finding(f)}</#if><#sep><br></#list> |
</#list>
<#if (run.repos?size > rowLimit)>

*${(run.repos?size - rowLimit)?c} of ${run.repos?size?c} rows left out to fit the issue*${leftOut}
</#if>

</details>
<#else>
No repository was scanned.
</#if>
</#macro>

<#-- Vendored contracts: one row per upstream file, how its adopters' snapshots stand. Nothing without one. -->
<#macro contracts>
<#if !run.contracts?has_content><#return></#if>
### Vendored contracts

| upstream file | sha256 | in sync | stale | lock mismatch | not adopted |
| --- | --- | --- | --- | --- | --- |
<#list run.contracts as c>
| ${md.cellCode(c.source + ":" + c.sourcePath + (c.ref???then("@" + c.ref, "")))} | <#if c.sha256??>${md.cellCode(c.sha256)}<#else>missing</#if> | ${c.inSync?c} of ${c.adopters?c} | ${c.drifted?c} | ${c.lockMismatch?c} | <#if c.notAdopted?has_content><#list c.notAdopted as n>${md.text(n)}<#sep>, </#list><#else>—</#if> |
</#list>

The scan checks each vendored copy against its lock and each lock against the upstream file; the generator behind the upstream file is its own CI's to check.

</#macro>

<#-- Bump proposals of this run, with the day each was first made (a date, so an unchanged issue stays unchanged). -->
<#macro proposals>
<#assign proposed = run.repos?filter(r -> r.proposal??)>
<#if !proposed?has_content><#return></#if>
### Bump proposals

| repo | bump to | state | since |
| --- | --- | --- | --- |
<#list proposed as repo>
<#assign p = repo.proposal>
| ${name(repo)} | ${md.cellCode(p.target)}<#if p.staged()> (stage ${p.stage?c} of ${p.stages?c})</#if> | <#if p.number??>#${p.number?c} </#if>${p.state}<#if p.reason??>: ${md.text(p.reason)}</#if> | ${p.openedDate!"—"} |
</#list>

</#macro>
