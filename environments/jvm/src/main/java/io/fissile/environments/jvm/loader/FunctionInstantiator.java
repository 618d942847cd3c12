package io.fissile.environments.jvm.loader;

import io.fissile.environments.jvm.server.SpecializationException;
import io.fissile.function.Function;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

/** Loads the function's class and creates its one instance, explaining every way this can fail. */
final class FunctionInstantiator {

    private FunctionInstantiator() {
    }

    static Function instantiate(ClassLoader loader, String className, Path code) throws SpecializationException {
        Class<?> type = load(loader, className, code);
        if (!Function.class.isAssignableFrom(type)) {
            throw new SpecializationException("class " + className + " does not implement " + Function.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new SpecializationException("class " + className + " is abstract and cannot be instantiated");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
            constructor.setAccessible(true); // the class itself need not be public
        } catch (NoSuchMethodException e) {
            throw new SpecializationException("class " + className + " has no public no-argument constructor");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // libraries that look up services find the function's
        try {
            return (Function) constructor.newInstance();
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            throw new SpecializationException("constructor of " + className + " threw " + e.getCause(), e.getCause());
        } catch (ExceptionInInitializerError e) {
            e.getCause().printStackTrace();
            throw new SpecializationException("static initializer of " + className + " threw " + e.getCause(), e);
        } catch (LinkageError e) {
            e.printStackTrace();
            throw new SpecializationException("class " + className + " cannot be linked: " + e, e);
        } catch (ReflectiveOperationException e) {
            throw new SpecializationException("cannot instantiate " + className + ": " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Class<?> load(ClassLoader loader, String className, Path code) throws SpecializationException {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new SpecializationException("class " + className + " not found in " + code);
        } catch (LinkageError e) {
            throw new SpecializationException("class " + className + " cannot be loaded: " + e, e);
        }
    }
}
