<#ftl encoding="UTF-8">
<#import "lib/markdown.ftl" as m>
<#--
  The body of the tracking issue (drift.publish.*). Everything above runSeparator must depend only on
  what the run found, so that an unchanged report is not written again; run numbers and times go below.
  rowLimit, attentionLimit and changeLimit are set by the publisher to keep the body within the forge's
  limit: the per-repository table goes first, whole rows at a time.
-->
${marker}
## Consumer drift: ${run.verdict}

**${run.verdict}** · exit code ${run.exitCode?c}<#if run.forge??> · ${m.code(run.forge.org!"")} on ${m.text(run.forge.type!"")}</#if>

<#if run.reasons?has_content>
<#list run.reasons as reason>
- ${m.text(reason)}
</#list>
<#elseif run.status == "pass">
No error finding: the SSOT is resolved and every repository was read.
</#if>

<#if run.ssot.resolved>
**SSOT:** ${m.code(run.ssot.version)}<#if run.ssot.tag??> · tag ${m.code(run.ssot.tag)}</#if><#if run.ssot.source??> · ${run.ssot.source}</#if><#if run.ssot.publishedDate??> · published ${run.ssot.publishedDate}</#if>
<#else>
**SSOT:** unresolved: ${m.text(run.ssot.problem)}
</#if>

**Repositories:** <#list run.counts as c>${c.count?c} ${c.classification}<#sep> · </#list> · ${run.behind?c} behind the SSOT

### Failures

<#if run.attention?has_content>
<#list run.attention as repo>
<#if repo?index gte attentionLimit><#break></#if>
- ${m.code(repo.name)} (${m.classification(repo)}<#if repo.pin??>, pin ${m.code(repo.pin)}</#if><#if repo.unreadable>, unreadable</#if>)
<#list repo.findings as f>
  - ${m.finding(f)}
</#list>
</#list>
<#if (run.attention?size > attentionLimit)>
- … and ${(run.attention?size - attentionLimit)?c} more, left out to fit the issue<@fullReport/>
</#if>
<#else>
None.
</#if>

### Changes since the previous run

<#if !changes.known>
No earlier complete run to compare with.
<#elseif changes.empty>
None.
<#else>
<#if changes.ssot??>
- SSOT ${m.text(changes.ssot)}
</#if>
<#list changes.repos as c>
<#if c?index gte changeLimit><#break></#if>
- ${m.code(c.repo)}: <#list c.details as d>${m.text(d)}<#sep>; </#list>
</#list>
<#if (changes.repos?size > changeLimit)>
- … and ${(changes.repos?size - changeLimit)?c} more repositories, left out to fit the issue<@fullReport/>
</#if>
</#if>

### All repositories

<#if run.repos?has_content>
| repo | classification | pin | lag | findings |
| --- | --- | --- | --- | --- |
<#list run.repos as repo>
<#if repo?index gte rowLimit><#break></#if>
| ${m.cellCode(repo.name)} | ${m.classification(repo)} | ${m.pin(repo)} | ${m.lag(repo)} | <#list repo.findings as f>${m.finding(f)}<#sep><br></#list> |
</#list>
<#if (run.repos?size > rowLimit)>

*${(run.repos?size - rowLimit)?c} of ${run.repos?size?c} rows left out to fit the issue*<@fullReport/>
</#if>
<#else>
No repository was scanned.
</#if>

${runSeparator}
---
<sub>consumer-drift · run ${run.runId?c} · finished ${run.finishedAt!"—"}<#if reportUrl??> · [full report](<${reportUrl}>)</#if></sub>
<#macro fullReport><#if reportUrl??>; the full report: [${reportFile}](<${reportUrl}>)<#else>; the full report is ${reportFile} among the run's reports</#if></#macro>
