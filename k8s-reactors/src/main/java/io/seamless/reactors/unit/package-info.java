/**
 * The {@code units.seamless.io} custom resource (one database instance of a service group, with its address for
 * life), the Unit controller's pure half (a Unit to its Pod and PersistentVolumeClaims, its status from what is live)
 * and the {@link io.seamless.reactors.unit.UnitController} that applies it, holding each Unit by a finalizer until
 * its Pod is gone. The manifest is {@code crds/units.seamless.io.yaml}; a test keeps it and these classes in step.
 */
package io.seamless.reactors.unit;
