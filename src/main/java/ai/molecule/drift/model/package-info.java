/**
 * The run's shared types: classifications, findings, a repository's result, the run's status and its
 * report. Depends on {@code lag} only, so that every feature can speak of a run without depending on
 * another feature.
 */
package ai.molecule.drift.model;
