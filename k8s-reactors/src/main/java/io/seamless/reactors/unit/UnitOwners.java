package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * Owner references to a Unit, so that Kubernetes' garbage collector removes what belongs to a unit once the unit
 * is gone. Only the Unit controller's own objects (Pod, PVCs) name the Unit as their controller.
 */
public final class UnitOwners {

    private UnitOwners() {
    }

    /** {@code controller} also blocks the Unit's foreground deletion until the dependent is gone. */
    public static OwnerReference reference(String unitName, String unitUid, boolean controller) {
        if (unitUid == null || unitUid.isEmpty()) {
            throw new IllegalArgumentException("Unit " + unitName + " has no uid yet: owner references need the"
                    + " Unit as the API server returned it");
        }
        return new OwnerReferenceBuilder().withApiVersion(Unit.API_VERSION).withKind(Unit.KIND)
                .withName(unitName).withUid(unitUid).withController(controller)
                .withBlockOwnerDeletion(controller).build();
    }
}
