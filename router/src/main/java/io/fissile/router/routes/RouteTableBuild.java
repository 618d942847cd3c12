package io.fissile.router.routes;

import java.util.List;

/** A built table, and why some triggers are not in it (one sentence each, naming the trigger). */
public record RouteTableBuild(RouteTable table, List<String> problems) {
}
