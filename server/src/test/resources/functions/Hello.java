import io.fissile.function.Context;
import io.fissile.function.Function;
import io.fissile.function.Request;
import io.fissile.function.Response;

public class Hello implements Function {
    @Override
    public Response handle(Request request, Context context) {
        return Response.ok("hello from jvm\n");
    }
}
