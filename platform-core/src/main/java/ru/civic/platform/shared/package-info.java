/** Value types every feature may use (the shared kernel). */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ru.civic.platform.shared;
