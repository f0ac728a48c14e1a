/*
 * tests/infra/opensearch/SharkOpenSearchNode.java: starts ONE real OpenSearch node in this JVM from
 * the server jars on the classpath (no distribution, no bin/opensearch), the way the "OpenSearch
 * runner" projects do: a Node subclass that takes the distribution's modules as classpath plugins.
 *
 *   java -cp CLASSES:LIB/* SharkOpenSearchNode HOME [-Ekey=value ...] PLUGIN_CLASS...
 *
 * HOME/config/opensearch.yml and HOME/config/log4j2.properties configure the node (written by
 * tests/infra/up.sh); -E settings override the file, as with the real CLI. SIGTERM closes the node
 * cleanly (shutdown hook); SIGKILL is a crash. Compiled by tests/infra/install.sh with javac.
 */
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

public final class SharkOpenSearchNode {
    /** Node's constructor that accepts classpath plugins is protected. */
    static final class PluginNode extends Node {
        PluginNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
            super(env, plugins, true);
        }
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SharkOpenSearchNode HOME [-Ekey=value ...] PLUGIN_CLASS...");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        Settings.Builder input = Settings.builder().put("path.home", home.toString());
        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-E")) {
                int eq = a.indexOf('=');
                if (eq < 0) {
                    System.err.println("bad setting " + a + ": expected -Ekey=value");
                    System.exit(2);
                }
                input.put(a.substring(2, eq), a.substring(eq + 1));
            } else {
                plugins.add((Class<? extends Plugin>) Class.forName(a));
            }
        }
        Environment env = InternalSettingsPreparer.prepareEnvironment(
            input.build(), Collections.emptyMap(), home.resolve("config"), () -> "node");
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(env.settings()));
        LogConfigurator.configure(env);
        Node node = new PluginNode(env, plugins);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            }
            closed.countDown();
        }, "shark-node-shutdown"));
        node.start();
        closed.await();
    }
}
