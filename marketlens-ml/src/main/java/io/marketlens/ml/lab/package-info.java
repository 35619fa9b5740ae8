/**
 * The model lab: the founding documents' neural models (tabular MLP, image CNN, GRU/LSTM language
 * model, Transformer text classifier) on DJL with the PyTorch engine, one {@link
 * io.marketlens.ml.lab.Trainer} for all of them, and a {@link io.marketlens.ml.lab.ModelStore} that
 * saves a model as a directory of weights plus {@code metadata.json}.
 *
 * <p>Each model family lives in its own sub-package ({@code tabular}, {@code image}, {@code
 * textgen}, {@code text}) and is reached through {@link io.marketlens.ml.lab.LabModels} by its task
 * name, so the entry points never see DJL.
 */
package io.marketlens.ml.lab;
