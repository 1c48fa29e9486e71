package io.seamless.server.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests of {@code deploy/kubernetes}, as kustomize would gather them: the files its
 * {@code kustomization.yaml} lists, every YAML document of each, in order.
 */
public final class Manifests {

    /** The manifests' directory, from the server module (the tests' working directory). */
    public static final Path DIRECTORY = Path.of("..", "deploy", "kubernetes");
    /** The roles, each one Deployment {@code seamless-<role>}. */
    public static final List<String> ROLES = List.of("command", "projections", "reactors");

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Every object of every listed file; the client only parses (it may point anywhere). */
    public static Manifests load(KubernetesClient parser) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String file : listedFiles()) {
            try (InputStream in = Files.newInputStream(DIRECTORY.resolve(file))) {
                objects.addAll(parser.load(in).items());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Manifests(objects);
    }

    /** The {@code resources} of {@code kustomization.yaml}, relative to {@link #DIRECTORY}. */
    @SuppressWarnings("unchecked")
    public static List<String> listedFiles() {
        return List.copyOf((List<String>) kustomization().get("resources"));
    }

    /** The one entry of the kustomization's {@code images}: {@code name} and {@code newTag}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> image() {
        List<Map<String, Object>> images = (List<Map<String, Object>>) kustomization().get("images");
        if (images.size() != 1) {
            throw new AssertionError("one image for every role, not " + images);
        }
        return images.get(0);
    }

    private static Map<String, Object> kustomization() {
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve("kustomization.yaml"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<HasMetadata> all() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name
                + " in " + DIRECTORY));
    }

    /** The Deployment of a role. */
    public Deployment deployment(String role) {
        return get(Deployment.class, "seamless-" + role);
    }

    /** The Seamless container of a role's Deployment. */
    public Container container(String role) {
        return deployment(role).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** A setting of a role's container: its own {@code env} first, then the ConfigMaps it takes whole. */
    public Optional<String> setting(String role, String name) {
        Container container = container(role);
        Optional<String> own = container.getEnv().stream().filter(env -> env.getName().equals(name))
                .map(EnvVar::getValue).findFirst();
        if (own.isPresent()) {
            return own;
        }
        return container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                .map(source -> get(ConfigMap.class, source.getConfigMapRef().getName()).getData().get(name))
                .filter(value -> value != null).reduce((first, later) -> later);
    }
}
