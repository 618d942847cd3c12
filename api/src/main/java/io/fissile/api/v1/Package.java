package io.fissile.api.v1;

import io.fissile.api.Resource;

/** The code of functions, with the state of its build. */
public final class Package extends Resource<PackageSpec, PackageStatus> {
    public Package() {
        super(Kinds.API_VERSION, "Package", new PackageSpec());
    }
}
