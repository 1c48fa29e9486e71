/**
 * The reactors' own read of the desired-state document of {@code seamless.desired-state}: records that mirror
 * {@code ServiceGroupDesiredState.v1.schema.json}, read from the bytes alone so that this module never depends on
 * the projections that write them. Unknown fields are ignored (a newer writer may add optional ones); a missing
 * required field is an {@link io.seamless.reactors.desired.InvalidDesiredStateException} naming it.
 */
package io.seamless.reactors.desired;
