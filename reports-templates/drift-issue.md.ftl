<#ftl encoding="UTF-8">
<#import "lib/markdown.ftl" as m>
<#--
  The body of the tracking issue (drift.publish.*). Everything above runSeparator must depend only on
  what the run found, so that an unchanged report is not written again; run numbers and times go below.
  rowLimit, attentionLimit and changeLimit are set by the publisher to keep the body within the forge's
  limit: the per-repository table goes first, whole rows at a time. The sections shared with
  drift-report.md.ftl are macros of lib/markdown.ftl.
-->
<#assign fullReportText><#if reportUrl??>; the full report: [${reportFile}](<${reportUrl}>)<#else>; the full report is ${reportFile} among the run's reports</#if></#assign>
${marker}
## Consumer drift: ${run.verdict}

<@m.headline baseUrl=false/>

<@m.needsAction failureLimit=attentionLimit laggardLimit=5 leftOut=fullReportText/>

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
- ${m.text(run.display(c.repo))}: <#list c.details as d>${m.text(d)}<#sep>; </#list>
</#list>
<#if (changes.repos?size > changeLimit)>
- … and ${(changes.repos?size - changeLimit)?c} more repositories, left out to fit the issue<@fullReport/>
</#if>
</#if>

<@m.contracts/>
<@m.proposals/>
<@m.fullTable rowLimit=rowLimit leftOut=fullReportText/>

${runSeparator}
---
<sub>consumer-drift · run ${run.runId?c} · finished ${run.finishedAt!"—"}<#if reportUrl??> · [full report](<${reportUrl}>)</#if></sub>
<#macro fullReport>${fullReportText}</#macro>
