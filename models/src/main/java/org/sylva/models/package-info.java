/** Sylva models module. */
package org.sylva.models;
