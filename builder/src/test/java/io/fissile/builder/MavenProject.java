package io.fissile.builder;

/** A Java function as a Maven project that builds offline: Fissile's function API and plugins already in ~/.m2. */
final class MavenProject {

    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>demo</groupId>
              <artifactId>hello</artifactId>
              <version>1.0</version>
              <properties>
                <maven.compiler.release>21</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>io.fissile</groupId>
                  <artifactId>fissile-function-api</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                  <scope>provided</scope>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                  <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                  <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                </plugins>
              </build>
            </project>
            """;

    static final String HELLO = """
            package demo;

            import io.fissile.function.Context;
            import io.fissile.function.Function;
            import io.fissile.function.Request;
            import io.fissile.function.Response;

            public class Hello implements Function {
                @Override
                public Response handle(Request request, Context context) {
                    return Response.ok("hello from maven");
                }
            }
            """;

    private MavenProject() {
    }
}
