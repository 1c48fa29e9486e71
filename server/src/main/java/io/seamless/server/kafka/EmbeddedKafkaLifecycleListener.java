package io.seamless.server.kafka;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Ties the embedded broker started by {@link EmbeddedKafkaEnvironmentPostProcessor} to the application context.
 *
 * <p>The broker becomes the singleton {@value #BEAN_NAME} (tests can stop and restart it) and is released
 * as a disposable bean registered before any other: the context destroys its beans in reverse order, so
 * Kafka producers, consumers and listener containers shut down while the broker is still there.
 * If the application fails before it has a context, the broker is released at once.
 */
public class EmbeddedKafkaLifecycleListener implements ApplicationListener<SpringApplicationEvent> {

    public static final String BEAN_NAME = "embeddedKafkaBroker";

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            bindToContext(prepared);
        } else if (event instanceof ApplicationFailedEvent) {
            EmbeddedKafkaHolder.releaseUnclaimed(event.getSpringApplication());
        }
    }

    private static void bindToContext(ApplicationPreparedEvent event) {
        EmbeddedKafkaHolder.Lease lease = EmbeddedKafkaHolder.claim(event.getSpringApplication());
        if (lease == null) {
            return;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, lease.broker());
        if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN_NAME, lease::release);
        } else {
            context.addApplicationListener(new ReleaseOnClose(context, lease));
        }
    }

    /** Fallback for bean factories that cannot take a disposable bean: release when this context closes. */
    private record ReleaseOnClose(ConfigurableApplicationContext context, EmbeddedKafkaHolder.Lease lease)
            implements ApplicationListener<ContextClosedEvent> {

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            // Events of child contexts reach the parent's listeners too.
            if (event.getApplicationContext() == context) {
                lease.release();
            }
        }
    }
}
