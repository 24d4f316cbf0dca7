/**
 * The reviewed policy file: safe YAML loading, precise errors naming the file and line, the consumers
 * and exemptions.
 */
package ai.molecule.drift.policy;
