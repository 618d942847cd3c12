import io.fissile.function.Context;
import io.fissile.function.Function;
import io.fissile.function.Request;
import io.fissile.function.Response;

/** The benchmarks' Java function: a constant answer, so that what is measured is the path to it. */
public class Hello implements Function {
    @Override
    public Response handle(Request request, Context context) {
        return Response.ok("hello\n");
    }
}
