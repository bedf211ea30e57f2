/** Sylva physics module. */
package org.sylva.physics;
