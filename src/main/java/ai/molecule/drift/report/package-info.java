/**
 * Rendering a run's reports (HTML and Markdown with FreeMarker, JSON) from what it is given, and
 * writing them to the report folder.
 */
package ai.molecule.drift.report;
