package ai.molecule.drift.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ai.molecule.drift.forge.FileBytes;
import ai.molecule.drift.forge.Forge;
import ai.molecule.drift.forge.ForgeException;
import ai.molecule.drift.forge.RepoFiles;
import ai.molecule.drift.forge.RepoRef;
import ai.molecule.drift.model.ContractCheck;

/**
 * Reads what the contract checks of one run need, for each repository from several threads: its lock and
 * vendored files (one request on Gitea 1.24+ when the files are those the run has already seen locked),
 * and each upstream file once per run. A repository without a {@code contracts/} folder costs nothing.
 * A read that fails is a {@link ForgeException}: the repository is then unknown, never in sync.
 */
public final class ContractReader {

	private final Forge forge;

	private final String org;

	/** Paths read along with each lock: the required ones, and those other locks of the run named. */
	private final Set<String> expected = ConcurrentHashMap.newKeySet();

	private final Map<ContractCheck.Upstream, UpstreamRead> upstreams = new ConcurrentHashMap<>();

	/**
	 * @param required the policy's {@code contracts-required}, read along with each lock from the start
	 */
	public ContractReader(Forge forge, String org, Collection<String> required) {
		this.forge = forge;
		this.org = org;
		required.stream().filter((path) -> ContractLock.pathProblem("path", path) == null).forEach(expected::add);
	}

	/** The evidence for a repository whose root is {@code files}; none without a {@code contracts/} folder. */
	public ContractEvidence read(RepoRef repo, RepoFiles files) {
		boolean folder = files.topLevel().stream()
			.anyMatch((entry) -> entry.name().equals(ContractLock.FOLDER) && entry.type() == RepoFiles.TreeEntry.Type.DIR);
		if (!folder) {
			return ContractEvidence.NONE;
		}
		List<String> first = new ArrayList<>();
		first.add(ContractLock.PATH);
		expected.stream().sorted().forEach(first::add);
		Map<String, FileBytes> read = new HashMap<>(forge.readBlobs(repo, first));
		FileBytes lockFile = read.get(ContractLock.PATH);
		if (lockFile == null || lockFile.kind() == FileBytes.Kind.ABSENT) {
			return ContractEvidence.NONE;
		}
		if (lockFile.kind() != FileBytes.Kind.FILE) {
			return new ContractEvidence(new ContractLock(List.of(), "is " + lockFile.answer() + ", not a file"), List.of());
		}
		ContractLock lock = ContractLock.parse(new String(lockFile.bytes(), StandardCharsets.UTF_8), org);
		Set<String> missing = new LinkedHashSet<>();
		lock.entries().stream().filter(LockEntry::valid).map(LockEntry::path).filter((p) -> !read.containsKey(p))
			.forEach(missing::add);
		if (!missing.isEmpty()) {
			read.putAll(forge.readBlobs(repo, List.copyOf(missing)));
			expected.addAll(missing);
		}
		List<ContractEvidence.Entry> entries = new ArrayList<>();
		for (LockEntry entry : lock.entries()) {
			if (!entry.valid()) {
				entries.add(new ContractEvidence.Entry(entry, null, null));
				continue;
			}
			entries.add(new ContractEvidence.Entry(entry, FileFact.of(read.get(entry.path())), upstream(entry)));
		}
		return new ContractEvidence(lock, entries);
	}

	/** Read once per run, a failure too: every adopter of an unreadable upstream file is unknown. */
	private FileFact upstream(LockEntry entry) {
		UpstreamRead read = upstreams.computeIfAbsent(entry.upstream(), (key) -> {
			try {
				return new UpstreamRead(FileFact.of(forge.readBlob(entry.owner(), entry.repo(), entry.ref(),
						entry.sourcePath())), null);
			}
			catch (ForgeException ex) {
				return new UpstreamRead(null, ex.getMessage());
			}
		});
		if (read.failure() != null) {
			throw new ForgeException("reading the upstream " + entry.source() + ":" + entry.sourcePath() + " of "
					+ entry.path() + ": " + read.failure());
		}
		return read.fact();
	}

	private record UpstreamRead(FileFact fact, String failure) {
	}
}
