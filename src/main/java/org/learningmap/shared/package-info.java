/** Value types every module may use: translatable text, geographic points, languages. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.learningmap.shared;
