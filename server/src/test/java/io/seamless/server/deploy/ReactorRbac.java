package io.seamless.server.deploy;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Kubernetes rights of the reactors, as single permissions: what the manifests grant, and the allow-list written
 * down from the reactor code ({@code k8s-reactors/src/main/java}, every {@code client.} call and fabric8's own calls
 * behind it). Every other role is granted nothing.
 */
public final class ReactorRbac {

    /** Where the reactors write (seamless.reactors.namespace in deploy/kubernetes). */
    public static final String UNITS_NAMESPACE = "seamless";
    /** The reactors' service account. */
    public static final String NAMESPACE = "seamless-system";
    public static final String SERVICE_ACCOUNT = "seamless-reactors";

    /**
     * The allow-list, from the code. Units: ObjectApplier (create, update, get after a conflict, delete), LiveGroup
     * (list), UnitController's informer (list, watch), UnitReconciler (get; finalizer by update), UnitStatusWriter
     * (update of status); finalizers: Pods and PVCs block their Unit's deletion (UnitOwners). Pods: informer, get,
     * create, delete (never updated). PVCs: get, create, delete. Services, ConfigMaps, Secrets: ObjectApplier and
     * LiveGroup. Leases: fabric8's LeaseLock (get, create, JSON merge patch). Cluster-scoped, by name: CrdInstaller
     * (get, update; the manifests create the CRD) and ClusterRuntimes.ensureNamespace (get; the manifests create it).
     */
    public static final Set<Permission> ALLOWED = union(
            namespaced("seamless.io", "units", "get", "list", "watch", "create", "update", "delete"),
            namespaced("seamless.io", "units/status", "update"),
            namespaced("seamless.io", "units/finalizers", "update"),
            namespaced("", "pods", "get", "list", "watch", "create", "delete"),
            namespaced("", "persistentvolumeclaims", "get", "create", "delete"),
            namespaced("", "services", "get", "list", "create", "update", "delete"),
            namespaced("", "configmaps", "get", "list", "create", "update", "delete"),
            namespaced("", "secrets", "get", "list", "create", "update", "delete"),
            namespaced("coordination.k8s.io", "leases", "get", "create", "patch"),
            clusterScoped("apiextensions.k8s.io", "customresourcedefinitions", "units.seamless.io", "get", "update"),
            clusterScoped("", "namespaces", UNITS_NAMESPACE, "get"));

    private ReactorRbac() {
    }

    /**
     * One right: a verb on a resource (with its subresource) of an API group, in a namespace ("" for cluster-scoped
     * resources), on one object name or any ("*").
     */
    public record Permission(String namespace, String group, String resource, String verb, String name)
            implements Comparable<Permission> {

        /** Whether this right allows {@code request} (which names one object, or none: "*"). */
        public boolean allows(Permission request) {
            return namespace.equals(request.namespace()) && group.equals(request.group())
                    && resource.equals(request.resource()) && verb.equals(request.verb())
                    && ("*".equals(name) || name.equals(request.name()));
        }

        @Override
        public int compareTo(Permission other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource
                    + (namespace.isEmpty() ? "" : " in " + namespace) + ("*".equals(name) ? "" : " named " + name);
        }
    }

    /** What the manifests grant the service account: its RoleBindings' Roles and ClusterRoleBindings' ClusterRoles. */
    public static Set<Permission> granted(Manifests manifests, String namespace, String serviceAccount) {
        Set<Permission> granted = new TreeSet<>();
        for (RoleBinding binding : manifests.all(RoleBinding.class)) {
            if (names(binding.getSubjects(), namespace, serviceAccount)) {
                String where = binding.getMetadata().getNamespace();
                Role role = manifests.all(Role.class).stream().filter(candidate -> candidate.getMetadata()
                        .getNamespace().equals(where) && candidate.getMetadata().getName()
                        .equals(binding.getRoleRef().getName())).findFirst().orElseThrow();
                role.getRules().forEach(rule -> granted.addAll(expand(where, rule)));
            }
        }
        for (ClusterRoleBinding binding : manifests.all(ClusterRoleBinding.class)) {
            if (names(binding.getSubjects(), namespace, serviceAccount)) {
                manifests.get(ClusterRole.class, binding.getRoleRef().getName()).getRules()
                        .forEach(rule -> granted.addAll(expand("", rule)));
            }
        }
        return granted;
    }

    /** Whether any binding of the manifests names the service account. */
    public static boolean bound(Manifests manifests, String namespace, String serviceAccount) {
        return Stream.concat(manifests.all(RoleBinding.class).stream().map(RoleBinding::getSubjects),
                manifests.all(ClusterRoleBinding.class).stream().map(ClusterRoleBinding::getSubjects))
                .anyMatch(subjects -> names(subjects, namespace, serviceAccount));
    }

    private static boolean names(List<Subject> subjects, String namespace, String serviceAccount) {
        return subjects.stream().anyMatch(subject -> "ServiceAccount".equals(subject.getKind())
                && serviceAccount.equals(subject.getName()) && namespace.equals(subject.getNamespace()));
    }

    private static Set<Permission> expand(String namespace, PolicyRule rule) {
        if (!rule.getNonResourceURLs().isEmpty()) {
            throw new AssertionError("non-resource URLs are not expected: " + rule);
        }
        List<String> names = rule.getResourceNames().isEmpty() ? List.of("*") : rule.getResourceNames();
        Set<Permission> permissions = new TreeSet<>();
        for (String group : rule.getApiGroups()) {
            for (String resource : rule.getResources()) {
                for (String verb : rule.getVerbs()) {
                    names.forEach(name -> permissions.add(new Permission(namespace, group, resource, verb, name)));
                }
            }
        }
        return permissions;
    }

    private static Set<Permission> namespaced(String group, String resource, String... verbs) {
        Set<Permission> permissions = new TreeSet<>();
        for (String verb : verbs) {
            permissions.add(new Permission(UNITS_NAMESPACE, group, resource, verb, "*"));
        }
        return permissions;
    }

    private static Set<Permission> clusterScoped(String group, String resource, String name, String... verbs) {
        Set<Permission> permissions = new TreeSet<>();
        for (String verb : verbs) {
            permissions.add(new Permission("", group, resource, verb, name));
        }
        return permissions;
    }

    @SafeVarargs
    private static Set<Permission> union(Set<Permission>... parts) {
        Set<Permission> all = new TreeSet<>();
        for (Set<Permission> part : parts) {
            all.addAll(part);
        }
        return Set.copyOf(all);
    }
}
