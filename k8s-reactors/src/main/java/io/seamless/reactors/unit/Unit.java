package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One instance of a service group in one cluster: the reactor writes it from the desired state, the Unit
 * controller turns it into a Pod pinned to the unit's address and the PVCs that outlive the Pod. Being its own
 * resource (not a StatefulSet replica) is what lets every unit keep its address and be placed on its own.
 */
@Group(Unit.GROUP)
@Version(Unit.VERSION)
@Kind(Unit.KIND)
@Plural("units")
@Singular("unit")
public class Unit extends CustomResource<UnitSpec, UnitStatus> implements Namespaced {

    public static final String GROUP = "seamless.io";
    public static final String VERSION = "v1";
    public static final String KIND = "Unit";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String CRD_NAME = "units.seamless.io";

    private static final long serialVersionUID = 1L;

    public static Unit of(ObjectMeta metadata, UnitSpec spec) {
        Unit unit = new Unit();
        unit.setMetadata(metadata);
        unit.setSpec(spec);
        return unit;
    }
}
