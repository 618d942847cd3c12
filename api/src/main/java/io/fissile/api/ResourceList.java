package io.fissile.api;

import java.util.List;

/**
 * A list of resources of one kind as the API returns it, with the store's resource version at the
 * time of listing, from which a watch can continue without missing a change.
 */
public final class ResourceList<R extends Resource<?, ?>> extends Extensible {
    private String apiVersion;
    private String kind;
    private ListMeta metadata = new ListMeta();
    private List<R> items = List.of();

    public ResourceList() {
    }

    /** A list of the given kind, as of the given resource version of the store. */
    public static <R extends Resource<?, ?>> ResourceList<R> of(Kind<R> kind, List<R> items, String resourceVersion) {
        ResourceList<R> list = new ResourceList<>();
        list.apiVersion = kind.apiVersion();
        list.kind = kind.name() + "List";
        list.items = List.copyOf(items);
        list.metadata.resourceVersion = resourceVersion;
        return list;
    }

    public List<R> items() { return items; }

    public String resourceVersion() { return metadata.resourceVersion; }

    public String kind() { return kind; }

    public String apiVersion() { return apiVersion; }

    /** The metadata of a list: only its resource version. */
    public static final class ListMeta extends Extensible {
        private String resourceVersion;
    }
}
