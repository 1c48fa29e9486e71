/**
 * The {@code units.seamless.io} custom resource (one database instance of a service group, with its address for
 * life) and the Unit controller's pure half: a Unit to its Pod and PersistentVolumeClaims. The manifest is
 * {@code crds/units.seamless.io.yaml}; a test keeps it and these classes in step.
 */
package io.seamless.reactors.unit;
