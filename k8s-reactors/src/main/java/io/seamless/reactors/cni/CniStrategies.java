package io.seamless.reactors.cni;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The strategies this reactor knows, by CNI mode: the one place a new CNI is registered. It also decides what is
 * common to all of them: no networking or no address means no pinning yet, with the reason.
 */
public final class CniStrategies {

    private final Map<String, CniStrategy> byMode = new TreeMap<>();

    public CniStrategies(List<CniStrategy> strategies) {
        strategies.forEach(strategy -> {
            if (byMode.put(strategy.mode(), strategy) != null) {
                throw new IllegalArgumentException("two strategies for CNI mode " + strategy.mode());
            }
        });
    }

    /** calico, kube-ovn, macvlan and sriov: the modes of the IP pool schema. */
    public static CniStrategies standard(SriovSettings sriov) {
        return new CniStrategies(List.of(new CalicoStrategy(), new KubeOvnStrategy(), new MacvlanStrategy(),
                new SriovStrategy(sriov)));
    }

    public Set<String> modes() {
        return byMode.keySet();
    }

    public Optional<CniStrategy> forMode(String mode) {
        return Optional.ofNullable(byMode.get(mode));
    }

    /** How to pin a Pod of this networking (null: none known yet), or why it cannot be pinned yet. */
    public CniPinning pin(CniNetworking networking) {
        if (networking == null) {
            return CniPinning.unbound(CniPinning.NO_NETWORKING);
        }
        if (networking.address() == null) {
            return CniPinning.unbound(CniPinning.ADDRESS_NOT_ASSIGNED);
        }
        return forMode(networking.mode()).map(strategy -> strategy.pin(networking))
                .orElseGet(() -> CniPinning.unbound(CniPinning.UNSUPPORTED_MODE));
    }
}
