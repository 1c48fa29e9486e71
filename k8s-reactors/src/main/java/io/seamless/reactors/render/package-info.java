/**
 * The pure model of what Seamless writes to one Kubernetes cluster for one service group: Units, headless
 * Services, ConfigMaps and the credentials Secret, with deterministic names and labels, and the owner
 * relationships the reconciler fills in once the Units exist. No I/O, no clock, no randomness: credentials come
 * from a {@link io.seamless.reactors.render.CredentialSource} the reconciler implements.
 */
package io.seamless.reactors.render;
