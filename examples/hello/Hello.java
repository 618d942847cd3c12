import io.fissile.function.Context;
import io.fissile.function.Function;
import io.fissile.function.Request;
import io.fissile.function.Response;

public class Hello implements Function {
    @Override
    public Response handle(Request request, Context context) {
        String name = request.query("name");
        return Response.ok("hello, " + (name == null ? "world" : name) + ", from java\n");
    }
}
