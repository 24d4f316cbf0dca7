package ai.molecule.drift.forge;

import java.util.List;
import java.util.Map;

/**
 * One bump to propose in one repository: a branch from the default branch's head with one commit, and (on
 * forges that have them) a pull request into the default branch.
 *
 * @param branch the branch to create, {@code bump/runtime-<target>}
 * @param branchPrefix what every branch of the tool's bumps starts with, to find its older ones
 * @param title the commit's first line and the pull request's title
 * @param body the pull request's body (the commit's message on the local forge), marker included
 * @param marker the tool's hidden marker for this repository and target; its presence says the tool made it
 * @param markerPrefix what every marker of the tool starts with
 * @param files the files to change, by path, with their new bytes
 * @param labels label names the pull request carries
 */
public record BumpRequest(String branch, String branchPrefix, String title, String body, String marker,
		String markerPrefix, Map<String, byte[]> files, List<String> labels) {

	public BumpRequest {
		files = Map.copyOf(files);
		labels = List.copyOf(labels);
	}
}
