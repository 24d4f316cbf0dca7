/**
 * Bump proposals: for each lagging consumer, the release to bump to (in stages for a big lag, {@link
 * ai.molecule.drift.propose.BumpPlan}), the exact change to its pin files ({@link
 * ai.molecule.drift.propose.PinRewrite}), both pure, and the proposals made through a forge's
 * {@code BumpWriter}.
 */
package ai.molecule.drift.propose;
