package org.learningmap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Learning Map: every learning opportunity of a city, region or country on one map. */
@SpringBootApplication
@EnableScheduling
public class LearningMapApplication {

    public static void main(String[] args) {
        SpringApplication.run(LearningMapApplication.class, args);
    }
}
