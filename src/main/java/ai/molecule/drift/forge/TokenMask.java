package ai.molecule.drift.forge;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Masks the token in text a forge sent back: the whole token, and any run of at least {@link #MIN_RUN}
 * of its consecutive characters, since an echo may be cut anywhere (by the forge, by a length limit)
 * and 39 of 40 characters are as good as the token. Callers mask before they cut.
 */
final class TokenMask {

	/** Shorter runs are too common to mask (a token may share a few characters with any word). */
	static final int MIN_RUN = 8;

	static final String MASK = "<token>";

	private final String token;

	private final int run;

	private final Set<String> pieces = new HashSet<>();

	/** @param token the token; {@code null} or empty masks nothing */
	TokenMask(String token) {
		this.token = (token == null || token.isEmpty()) ? null : token;
		this.run = (this.token == null) ? 0 : Math.min(MIN_RUN, this.token.length());
		for (int i = 0; this.token != null && i + run <= this.token.length(); i++) {
			pieces.add(this.token.substring(i, i + run));
		}
	}

	/** The text with every run of the token's characters replaced by {@value #MASK}. */
	String mask(String text) {
		if (token == null || text == null || text.length() < run) {
			return text;
		}
		boolean[] hidden = new boolean[text.length()];
		boolean any = false;
		for (int i = 0; i + run <= text.length(); i++) {
			if (pieces.contains(text.substring(i, i + run))) {
				Arrays.fill(hidden, i, i + run, true);
				any = true;
			}
		}
		if (!any) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			if (!hidden[i]) {
				out.append(text.charAt(i));
			}
			else if (i == 0 || !hidden[i - 1]) {
				out.append(MASK);
			}
		}
		return out.toString();
	}
}
