/**
 * Time-series classification (UCR/UEA benchmark of Fawaz et al. 2019 and Ismail Fawaz et al. 2020).
 *
 * <p>Four places that change independently, as in TorchGeo: {@code data} (archive readers, label mapping,
 * missing values, lengths, z-normalisation), {@code synthetic} (the published generators of the UCR
 * datasets CBF, SyntheticControl and TwoPatterns), {@code nn} (MLP, FCN, ResNet and Inception networks as
 * DJL blocks matching the reference Keras code) and {@code train} (seeded batching, the training loop with
 * listeners, reduce-on-plateau learning rate, best-loss checkpoint, evaluation).
 */
package org.sylva.models.tsc;
