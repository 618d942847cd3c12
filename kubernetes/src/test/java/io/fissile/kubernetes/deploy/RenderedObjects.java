package io.fissile.kubernetes.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rendered chart's documents parsed by fabric8, each with the template it came from. */
final class RenderedObjects {

    record Parsed(ChartRenderer.RenderedDocument source, HasMetadata object) {
    }

    private final ChartRenderer.Rendered rendered;
    private final List<Parsed> parsed = new ArrayList<>();

    RenderedObjects(ChartRenderer.Rendered rendered) {
        this.rendered = rendered;
        for (ChartRenderer.RenderedDocument document : rendered.documents()) {
            Object object;
            try {
                object = Serialization.unmarshal(document.yaml());
            } catch (RuntimeException e) {
                throw new AssertionError(document + " does not parse: " + e.getMessage() + "\n" + document.yaml(), e);
            }
            if (!(object instanceof HasMetadata resource) || object instanceof GenericKubernetesResource) {
                throw new AssertionError(document + " is not an object of a kind Kubernetes knows: " + object);
            }
            parsed.add(new Parsed(document, resource));
        }
    }

    static RenderedObjects render(Map<String, Object> overrides) {
        return new RenderedObjects(new ChartRenderer(Repository.chart()).render(overrides));
    }

    static RenderedObjects renderDefaults() {
        return render(Map.of());
    }

    List<Parsed> all() {
        return parsed;
    }

    ChartRenderer.Rendered rendered() {
        return rendered;
    }

    @SuppressWarnings("unchecked")
    <T> T value(String dottedPath) {
        Object current = rendered.values();
        for (String key : dottedPath.split("\\.")) current = ((Map<String, Object>) current).get(key);
        return (T) current;
    }

    String appVersion() {
        return rendered.chart().get("appVersion").toString();
    }

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return parsed.stream().map(Parsed::object).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return ofType(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the chart renders no " + type.getSimpleName() + " named " + name));
    }

    /** Every container (and init container) of every Deployment, with the pod template it belongs to. */
    List<Map.Entry<PodTemplateSpec, Container>> deploymentContainers() {
        List<Map.Entry<PodTemplateSpec, Container>> containers = new ArrayList<>();
        for (Deployment deployment : ofType(Deployment.class)) {
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            template.getSpec().getContainers().forEach(c -> containers.add(Map.entry(template, c)));
            template.getSpec().getInitContainers().forEach(c -> containers.add(Map.entry(template, c)));
        }
        return containers;
    }
}
