/**
 * The command line: {@code scan}, {@code history} and {@code help}, parsed before Spring starts, and
 * the built-in demo organisation.
 */
package ai.molecule.drift.cli;
