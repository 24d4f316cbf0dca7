/**
 * consumer-drift: the application class and the top-level settings ({@code drift.*}). Features live in
 * the sub-packages; none of them forms a cycle with another (see {@code PackageStructureTests}).
 */
package ai.molecule.drift;
