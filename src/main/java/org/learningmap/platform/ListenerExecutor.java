package org.learningmap.platform;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the modules' event listeners ({@code @ApplicationModuleListener}, asynchronous after the
 * publishing transaction commits) on a few threads with a queue, instead of one new thread per event.
 * Each listener holds a database connection while it works; unbounded, a burst of sign-ups started
 * hundreds of listeners at once, which took every pooled connection from the requests (they timed out
 * after 30 s with a 500). When the node stops, the queued events are worked off first (at most 20 s);
 * an event a listener did not finish keeps its publication incomplete in {@code event_publication},
 * as a failed listener does. {@code learningmap.listeners.threads} sets how many run at once (default 4).
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutor implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ListenerExecutor(@Value("${learningmap.listeners.threads:4}") int threads) {
        executor.setCorePoolSize(Math.max(1, threads));
        executor.setMaxPoolSize(Math.max(1, threads));
        executor.setThreadNamePrefix("listener-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.destroy();
    }
}
