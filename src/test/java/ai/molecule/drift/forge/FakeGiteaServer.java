package ai.molecule.drift.forge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Serves a sample organisation from {@link FakeGitea} until killed, for trying the packaged jar
 * against a Gitea-compatible HTTP server by hand:
 * {@code java -cp <test classpath> ai.molecule.drift.forge.FakeGiteaServer [repos] [token]}.
 */
public final class FakeGiteaServer {

	private FakeGiteaServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		int repos = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		FakeGitea gitea = FakeGitea.start();
		if (args.length > 1) {
			gitea.requireToken(args[1]);
		}
		String org = "molecule-ai";
		Instant ssotDate = Instant.parse("2026-06-10T12:00:00Z");
		gitea.repo(org, "molecule-ai-workspace-runtime").file("pyproject.toml", "[project]\nversion = \"0.3.20\"\n");
		for (int patch = 0; patch <= 27; patch++) {
			Instant date = ssotDate.minus((27 - patch) * 3L, ChronoUnit.DAYS);
			gitea.tag(org, "molecule-ai-workspace-runtime", "runtime-v0.3." + patch, date);
			gitea.release(org, "molecule-ai-workspace-runtime", "runtime-v0.3." + patch, date, false, false);
		}
		for (int i = 0; i < repos; i++) {
			FakeGiteaRepo repo = gitea.repo(org, "molecule-ai-workspace-template-t" + i).file("README.md", "template");
			if (i % 3 == 0) {
				repo.file(".runtime-version", "0.3." + (i % 28) + "\n")
					.file("Dockerfile", "ARG RUNTIME_VERSION=0.3." + (i % 28) + "\n");
			}
		}
		System.out.println(gitea.baseUrl());
		Thread.currentThread().join();
	}
}
