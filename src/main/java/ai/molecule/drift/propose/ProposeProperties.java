package ai.molecule.drift.propose;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the job proposes bumps ({@code drift.propose.*}).
 *
 * @param enabled propose a bump for every enumerated, non-archived consumer behind the SSOT that the policy
 *     does not exclude; the token then needs write access
 * @param dryRun print each bump's diff and write nothing
 */
@ConfigurationProperties("drift.propose")
public record ProposeProperties(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean dryRun) {
}
